import type { CloudEventAttributeName } from '@wildlife/contracts';

// Kafka protocol binding, binary content mode: `datacontenttype` travels as the `content-type`
// header, every other attribute (extensions included) as `ce_<name>`.
export const CONTENT_TYPE_HEADER = 'content-type';

export function headerNameOf(attribute: CloudEventAttributeName): string {
  return attribute === 'datacontenttype' ? CONTENT_TYPE_HEADER : `ce_${attribute}`;
}
