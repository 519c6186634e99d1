// Property tests run from one fixed seed, so a run is repeatable: a counterexample found once
// is found every time, and CI cannot flake on a lucky draw. Change the seed to explore further.
const fc = require('fast-check');

fc.configureGlobal({ seed: 20261123 });
