import { PermanentMessageError } from '@wildlife/messaging';

// Facts that can never be recorded, however often they are redelivered: dead-lettered for a person
// to look at, never retried forever.

export class FactNamesARequestNeverSubmittedHere extends PermanentMessageError {
  constructor(
    readonly requestId: string,
    readonly sourceEventId: string,
  ) {
    super(`event ${sourceEventId} is about support request ${requestId}, which was never submitted here`);
  }
}

export class VerdictIsAboutAnotherRecordThanTheSubmission extends PermanentMessageError {
  constructor(
    readonly requestId: string,
    readonly recordId: string,
  ) {
    super(`a provenance verdict on record ${recordId} names request ${requestId}, whose submission is another record`);
  }
}
