/** The words a generated portfolio's commitments are made of: an action on two topics, in Russian and English. */

export const ACTIONS: readonly { ru: string; en: string }[] = [
  { ru: "Расширить сотрудничество", en: "Expand cooperation" },
  { ru: "Подготовить соглашение", en: "Prepare an agreement" },
  { ru: "Провести заседание рабочей группы", en: "Hold a working group meeting" },
  { ru: "Изучить возможность совместного проекта", en: "Study a joint project" },
  { ru: "Организовать бизнес-форум", en: "Organise a business forum" },
];

/** Each topic appears in roughly 2 of every TOPICS.length commitments, so a search for one finds a known share. */
export const TOPICS = [
  { ru: "газопровод", en: "gas pipeline" },
  { ru: "железная дорога", en: "railway" },
  { ru: "хлопок", en: "cotton" },
  { ru: "гидроэлектростанция", en: "hydropower plant" },
  { ru: "туризм", en: "tourism" },
  { ru: "таможенное оформление", en: "customs clearance" },
  { ru: "зерно", en: "grain" },
  { ru: "удобрения", en: "fertilisers" },
  { ru: "фармацевтика", en: "pharmaceuticals" },
  { ru: "электроэнергия", en: "electricity" },
  { ru: "нефтепереработка", en: "oil refining" },
  { ru: "стипендии", en: "scholarships" },
  { ru: "авиасообщение", en: "air service" },
  { ru: "виноделие", en: "winemaking" },
  { ru: "текстиль", en: "textiles" },
  { ru: "логистический центр", en: "logistics hub" },
  { ru: "солнечная энергетика", en: "solar power" },
  { ru: "ветеринария", en: "veterinary control" },
  { ru: "выставка", en: "exhibition" },
  { ru: "кибербезопасность", en: "cybersecurity" },
] as const satisfies readonly { ru: string; en: string }[];
