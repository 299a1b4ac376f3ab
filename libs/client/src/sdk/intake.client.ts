import type { ApiTransport } from './api-transport.js';
import type { ServiceUrl } from './endpoints.js';
import type { ExternalInformation, ExternalInformationAccepted, ExternalInformationSubmission } from './external-information.types.js';
import type {
  IdempotentCallOptions,
  SupportRequestAccepted,
  SupportRequestPage,
  SupportRequestQuery,
  SupportRequestSubmission,
  SupportRequestView,
} from './intake.types.js';
import { idempotencyKeyOrNew, queryString, segment } from './request-preconditions.js';

/** Calls to request intake: submitting support requests and external information, reading status. */
export interface IntakeClient {
  submitSupportRequest(request: SupportRequestSubmission, options?: IdempotentCallOptions): Promise<SupportRequestAccepted>;
  getSupportRequest(requestId: string): Promise<SupportRequestView>;
  listSupportRequests(query?: SupportRequestQuery): Promise<SupportRequestPage>;
  submitExternalInformation(information: ExternalInformationSubmission, options?: IdempotentCallOptions): Promise<ExternalInformationAccepted>;
  getExternalInformation(informationId: string): Promise<ExternalInformation>;
}

export function intakeClient(call: ApiTransport, url: ServiceUrl): IntakeClient {
  return {
    async submitSupportRequest(request, options = {}) {
      const idempotencyKey = idempotencyKeyOrNew(options.idempotencyKey);
      const accepted = await call<Omit<SupportRequestAccepted, 'idempotencyKey'>>({
        method: 'POST',
        url: url('v1/support-requests'),
        json: request,
        idempotencyKey,
      });
      return { ...accepted, idempotencyKey };
    },
    getSupportRequest: (requestId) => call({ method: 'GET', url: url(`v1/support-requests/${segment(requestId)}`) }),
    listSupportRequests: (query = {}) =>
      call({ method: 'GET', url: url(`v1/support-requests${queryString({ status: query.status, cursor: query.cursor, limit: query.limit })}`) }),
    async submitExternalInformation(information, options = {}) {
      const idempotencyKey = idempotencyKeyOrNew(options.idempotencyKey);
      const accepted = await call<Omit<ExternalInformationAccepted, 'idempotencyKey'>>({
        method: 'POST',
        url: url('v1/external-information'),
        json: information,
        idempotencyKey,
      });
      return { ...accepted, idempotencyKey };
    },
    getExternalInformation: (informationId) => call({ method: 'GET', url: url(`v1/external-information/${segment(informationId)}`) }),
  };
}
