// The demo world of Shanghai and the simulator that keeps it moving; the embedded host calls these
// after the platform has started.
export { DemoApiError, type DemoTarget } from './demo-api';
export { FULL_DEMO, SMALL_DEMO, type DemoSize } from './demo-size';
export { seedDemoWorld, type SeedOptions } from './seed-demo-world';
export { startSimulator, type SimulatorOptions, type RunningSimulator } from './simulator/simulator';
