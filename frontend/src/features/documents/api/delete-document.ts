//! `DELETE /api/v1/documents/{id}`: removes a document with its blobs.

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { send } from "../../../lib/http";

export async function deleteDocument(id: string): Promise<void> {
  await send(`/api/v1/documents/${encodeURIComponent(id)}`, { method: "DELETE" });
}

export function useDeleteDocument() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: deleteDocument,
    onSuccess: (_d, id) => {
      client.removeQueries({ queryKey: ["documents", "one", id] });
      return client.invalidateQueries({ queryKey: ["documents", "list"] });
    },
  });
}
