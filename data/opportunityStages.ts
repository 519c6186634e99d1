/**
 * The standard sales process of the sample org: each stage's default probability, forecast
 * category and whether it closes the deal. The generator draws deals from it and the
 * in-memory org applies it when a save changes the stage, as the platform does.
 */
export interface OpportunityStage {
  name: string;
  probability: number;
  forecast: 'Pipeline' | 'Best Case' | 'Commit' | 'Closed' | 'Omitted';
  closed: boolean;
  won: boolean;
}

export const OPPORTUNITY_STAGES: readonly OpportunityStage[] = [
  { name: 'Prospecting', probability: 10, forecast: 'Pipeline', closed: false, won: false },
  { name: 'Qualification', probability: 10, forecast: 'Pipeline', closed: false, won: false },
  { name: 'Needs Analysis', probability: 20, forecast: 'Pipeline', closed: false, won: false },
  { name: 'Value Proposition', probability: 50, forecast: 'Pipeline', closed: false, won: false },
  { name: 'Id. Decision Makers', probability: 60, forecast: 'Pipeline', closed: false, won: false },
  { name: 'Perception Analysis', probability: 70, forecast: 'Pipeline', closed: false, won: false },
  {
    name: 'Proposal/Price Quote',
    probability: 75,
    forecast: 'Best Case',
    closed: false,
    won: false
  },
  { name: 'Negotiation/Review', probability: 90, forecast: 'Commit', closed: false, won: false },
  { name: 'Closed Won', probability: 100, forecast: 'Closed', closed: true, won: true },
  { name: 'Closed Lost', probability: 0, forecast: 'Omitted', closed: true, won: false }
];

export function stageNamed(name: unknown): OpportunityStage | undefined {
  return OPPORTUNITY_STAGES.find((stage) => stage.name === name);
}
