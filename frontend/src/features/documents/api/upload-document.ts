//! `POST /api/v1/documents`: multipart upload (field `file`, optional `template`); the server
//! answers 202 with the document, or the existing one for identical bytes.

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { sendForm } from "../../../lib/http";
import { parseDocument, type DocumentSummary } from "../../../types/api";

export interface UploadInput {
  file: File;
  template?: string;
  onProgress?: (fraction: number) => void;
}

export function uploadDocument({ file, template, onProgress }: UploadInput): Promise<DocumentSummary> {
  const form = new FormData();
  form.append("file", file, file.name);
  if (template) form.append("template", template);
  return sendForm("/api/v1/documents", form, (v) => parseDocument(v), onProgress);
}

export function useUploadDocument() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: uploadDocument,
    onSuccess: () => client.invalidateQueries({ queryKey: ["documents", "list"] }),
  });
}
