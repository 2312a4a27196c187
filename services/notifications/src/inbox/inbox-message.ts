/** A message in a person's in-app inbox, as the HTTP API and the live stream show it. */
export interface InboxMessage {
  id: string;
  personId: string;
  templateId: string;
  subject: string;
  body: string;
  caseId: string | null;
  createdAt: string;
  readAt: string | null;
}
