// Documents to import, in our own words (issue 5: "a document you wrote"), in the style of ministries' press
// releases. The names are those of real office holders; the agreements and figures are made up for the tests.

/** Kazakhstan–Uzbekistan, 12th session in Tashkent: five agreements in three sectors, the next session via notes. */
export const PRESS_RELEASE = `Tashkent hosts the 12th session of the Kazakhstan–Uzbekistan Intergovernmental Commission

On 14 October 2025 Tashkent hosted the 12th session of the Intergovernmental Commission on Economic Cooperation between the Republic of Kazakhstan and the Republic of Uzbekistan. The meeting was co-chaired by the Deputy Prime Minister of Kazakhstan Serik Zhumangarin and the Deputy Prime Minister of Uzbekistan Jamshid Khodjaev.

The parties noted that bilateral trade turnover grew by 12% in January–September 2025.

In trade, the sides agreed to launch the International Centre for Industrial Cooperation "Central Asia" on the border and to simplify phytosanitary procedures for exports of fresh fruit.

In energy, the parties agreed to prepare a joint feasibility study for a new hydropower plant and to expand electricity transit between the two power grids.

In transport, the sides agreed to open a new border crossing point for freight vehicles.

The delegation visited the Tashkent International Technopark.

The Protocol of the 12th session was signed by the co-chairs.

The parties agreed to hold the 13th session of the Commission in Kazakhstan, with the dates to be agreed via diplomatic channels.
`;

/** Tajikistan–Belarus, 9th session in Dushanbe, in Russian: three agreements, the next session in Belarus. */
export const PASTED_RU = `В Душанбе состоялось 9-е заседание Межправительственной комиссии по торгово-экономическому сотрудничеству между Республикой Таджикистан и Республикой Беларусь

21 мая 2025 года в Душанбе прошло девятое заседание Межправительственной таджикско-белорусской комиссии по торгово-экономическому сотрудничеству. Заседание провели сопредседатели комиссии – заместитель Премьер-министра Республики Таджикистан Сулаймон Ашуров и Министр промышленности Республики Беларусь Александр Ефимов.

Стороны договорились расширить сборочное производство белорусской сельскохозяйственной техники в Таджикистане, а также организовать поставки таджикских сухофруктов в торговые сети Беларуси. В сфере образования стороны условились увеличить число квот для таджикских студентов в белорусских вузах.

Следующее заседание комиссии решено провести в 2026 году в Республике Беларусь.
`;
