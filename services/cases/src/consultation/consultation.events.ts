/** The stream of one consultation (咨询). */
export function consultationStreamId(consultationId: string): string {
  return `consultation-${consultationId}`;
}

/** A consultation answered by a staff member: `cases.ConsultationRecorded` (protobuf JSON). */
export interface ConsultationRecorded {
  type: 'cases.ConsultationRecorded';
  data: {
    consultationId: string;
    unitId: string;
    itemId: string;
    topic: string;
    answer: string;
    applicantRef: string;
    answeredByUserId: string;
    recordedOn: string;
  };
}
