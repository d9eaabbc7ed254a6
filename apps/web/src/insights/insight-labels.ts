import type { Confidence, Insight } from '@throughline/domain';

type Source = Insight['source'];
type Kind = Insight['kind'];

const SOURCE_LABEL: Record<Source, string> = {
  interview: 'Interview',
  survey: 'Survey',
  analytics: 'Analytics',
  frontline: 'Frontline',
};

const KIND_LABEL: Record<Kind, string> = { finding: 'Finding', verbatim: 'Verbatim' };

const CONFIDENCE_LABEL: Record<Confidence, string> = { low: 'Low confidence', medium: 'Medium confidence', high: 'High confidence' };

export function sourceLabel(source: string): string {
  return SOURCE_LABEL[source as Source] ?? source;
}

export function kindLabel(kind: Kind): string {
  return KIND_LABEL[kind];
}

export function confidenceLabel(confidence: Confidence): string {
  return CONFIDENCE_LABEL[confidence];
}
