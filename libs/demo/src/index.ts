export { generateDemo, DEMO_DEFAULTS, type DemoOptions, type DemoSummary } from './generate-demo';
export { DemoClock, DemoGeneratorBug } from './world';
export { residentIdCheck, usccCheck } from './identities';
