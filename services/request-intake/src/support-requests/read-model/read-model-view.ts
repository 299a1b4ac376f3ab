/** The read models a submission writes, named as `record_submission`'s `view_kind` (migrations/0003). */
export type ReadModelKind = 'support_request' | 'external_information';

/**
 * The rows of one read model as JSON, with the kind that says which SQL function writes them. Made
 * only by the projection of that kind (`supportRequestViewOf`, `externalInformationViewOf`), so the
 * kind always matches the rows.
 */
export interface ReadModelView<TKind extends ReadModelKind = ReadModelKind> {
  readonly kind: TKind;
  readonly json: string;
}
