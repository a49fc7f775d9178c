import { Button, Paper, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { createCommentSchema } from "../../shared/api/commitments.ts";
import { api } from "../api.ts";
import { formatDateTime } from "../format.ts";
import { optional, useApiForm } from "../forms.ts";
import { useLang } from "../hooks.ts";
import { savedName, saveName } from "../identity.ts";
import { keys, useComments } from "../queries.ts";
import { ApiFormElement, FormFeedback } from "./form.tsx";
import { QueryState } from "./QueryState.tsx";
import { Section } from "./Section.tsx";

/** The discussion under a commitment, oldest first, and a box to add to it. */
export function Comments({ commitmentId }: { commitmentId: string }) {
  const { t, lang } = useLang();
  const query = useComments(commitmentId);
  return (
    <Section title={t("comments.title")} testId="comments">
      <QueryState query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t("comments.empty")}
            </Text>
          ) : (
            <Stack gap="xs">
              {data.items.map((c) => (
                <Paper key={c.id} withBorder p="sm" component="article" data-testid="comment">
                  <Text size="xs" c="dimmed" mb={4}>
                    {c.authorName} · {formatDateTime(c.createdAt, lang)}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                    {c.text}
                  </Text>
                </Paper>
              ))}
            </Stack>
          )
        }
      </QueryState>
      <CommentForm commitmentId={commitmentId} />
    </Section>
  );
}

function CommentForm({ commitmentId }: { commitmentId: string }) {
  const { t } = useLang();
  const queryClient = useQueryClient();
  const [text, setText] = useState("");
  const [author, setAuthor] = useState(savedName);
  const form = useApiForm({
    schema: createCommentSchema,
    fields: ["text", "authorName"],
    send: (input: { text: string; authorName?: string }) => api.addComment(commitmentId, input),
    onSuccess: async () => {
      setText("");
      saveName(author);
      await queryClient.invalidateQueries({ queryKey: keys.comments(commitmentId) });
    },
  });
  return (
    <ApiFormElement
      testId="comment-form"
      label={t("comments.submit")}
      onSubmit={() => {
        if (!text.trim()) {
          form.submit({ text: "" });
          return;
        }
        form.submit({ text: text.trim(), authorName: optional(author) });
      }}
    >
      <FormFeedback form={form} />
      <Textarea
        label={t("comments.text")}
        autosize
        minRows={2}
        maxRows={8}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        error={form.error("text") && !text.trim() ? t("comments.required") : form.error("text")}
      />
      <TextInput
        label={t("comments.author")}
        value={author}
        onChange={(e) => setAuthor(e.currentTarget.value)}
        error={form.error("authorName")}
        maxLength={200}
      />
      <Button type="submit" variant="light" loading={form.pending} style={{ alignSelf: "flex-start" }}>
        {t("comments.submit")}
      </Button>
    </ApiFormElement>
  );
}
