import { DOCUMENT_MAX_BYTES, type DocumentDto } from "@chibo/domain";
import {
  ActionIcon,
  Anchor,
  Button,
  FileButton,
  Group,
  Paper,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { IconFileText, IconTrash, IconUpload } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "@/components/ui/error-alert";
import { formatDateTime } from "@/lib/format";
import { notifySuccess } from "@/lib/notify";
import { documentUrl, useDeleteDocument } from "../api/delete-document";
import { useUploadDocument } from "../api/upload-document";
import { formatFileSize } from "../lib/document-format";
import { ConfirmModal } from "./confirm-modal";

const ACCEPT = ".pdf,.docx,.png,.jpg,.jpeg,.webp";

/** Documents members read before the meeting: download for all, upload and delete for the lead. */
export function DocumentsSection({
  meetingId,
  documents,
  editable,
}: {
  meetingId: string;
  documents: readonly DocumentDto[];
  editable: boolean;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? "vi";
  const upload = useUploadDocument(meetingId);
  const remove = useDeleteDocument(meetingId);
  const [removing, setRemoving] = useState<DocumentDto | null>(null);
  const limit = formatFileSize(DOCUMENT_MAX_BYTES, language);

  const onFile = (file: File | null) => {
    upload.reset();
    // The server checks the type by content and the size against the tenant's limit.
    if (!file) return;
    upload.mutate(file, {
      onSuccess: (doc) => {
        notifySuccess(t("minutes.documents.uploaded", { name: doc.fileName }));
      },
    });
  };

  if (!editable && documents.length === 0) return null;
  return (
    <Paper
      withBorder
      p={{ base: "sm", sm: "md" }}
      component="section"
      aria-labelledby="documents-title"
    >
      <Group justify="space-between" gap="xs" mb="xs">
        <Title order={3} size="h4" id="documents-title">
          {t("minutes.documents.title")}
        </Title>
        {editable && (
          <FileButton
            onChange={onFile}
            accept={ACCEPT}
            inputProps={{ "aria-label": t("minutes.documents.choose"), name: "file" }}
          >
            {(props) => (
              <Button
                {...props}
                variant="light"
                leftSection={<IconUpload size={16} />}
                loading={upload.isPending}
              >
                {t("minutes.documents.upload")}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      {editable && (
        <Text size="xs" c="dimmed" mb="xs">
          {t("minutes.documents.hint", { size: limit })}
        </Text>
      )}
      <Stack gap="xs">
        <ErrorAlert error={upload.error} />
        <ErrorAlert error={remove.error} />
        {documents.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("minutes.documents.empty")}
          </Text>
        ) : (
          <Stack gap="xs" component="ul" style={{ listStyle: "none", margin: 0, padding: 0 }}>
            {documents.map((doc) => {
              const meta = {
                size: formatFileSize(doc.size, language),
                at: formatDateTime(doc.uploadedAt),
                by: doc.uploadedBy ?? "",
              };
              return (
                <Group key={doc.id} component="li" justify="space-between" wrap="nowrap" gap="xs">
                  <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                    <IconFileText size={20} aria-hidden style={{ flexShrink: 0 }} />
                    <div style={{ minWidth: 0 }}>
                      <Anchor
                        href={documentUrl(doc.id)}
                        download={doc.fileName}
                        size="sm"
                        fw={500}
                        style={{ wordBreak: "break-all" }}
                        aria-label={t("minutes.documents.download", { name: doc.fileName })}
                      >
                        {doc.fileName}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {doc.uploadedBy
                          ? t("minutes.documents.meta_by", meta)
                          : t("minutes.documents.meta", meta)}
                      </Text>
                    </div>
                  </Group>
                  {editable && (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      size="lg"
                      aria-label={t("minutes.documents.remove", { name: doc.fileName })}
                      onClick={() => {
                        remove.reset();
                        setRemoving(doc);
                      }}
                    >
                      <IconTrash size={18} />
                    </ActionIcon>
                  )}
                </Group>
              );
            })}
          </Stack>
        )}
      </Stack>
      {removing && (
        <ConfirmModal
          message={t("minutes.documents.remove", { name: removing.fileName })}
          loading={remove.isPending}
          error={remove.error}
          onClose={() => {
            setRemoving(null);
          }}
          onConfirm={() => {
            remove.mutate(removing.id, {
              onSuccess: () => {
                notifySuccess(t("minutes.documents.deleted"));
                setRemoving(null);
              },
            });
          }}
        />
      )}
    </Paper>
  );
}
