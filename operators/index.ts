/**
 * Stimulation protocols of CompNeuroPy as simulation functions (`currentRamp({...})` runs and
 * returns the info) and as pipe operators for `simulate$` (`currentRamp$({...})`).
 * @packageDocumentation
 */
export { attrSim, attrSim$, attrSimProtocol, type AttrSimOptions, type AttrSimInfo } from './attr-sim.js';
export { attributeStep, attributeStep$, attributeStepProtocol, type AttributeStepOptions, type AttributeStepInfo } from './attribute-step.js';
export { attrRamp, attrRamp$, attrRampProtocol, type AttrRampOptions, type AttrRampInfo } from './attr-ramp.js';
export { increasingAttr, increasingAttr$, increasingAttrProtocol, type IncreasingAttrOptions, type IncreasingAttrInfo } from './increasing-attr.js';
export { currentStep, currentStep$, currentStepProtocol, type CurrentStepOptions, type CurrentStepInfo } from './current-step.js';
export { currentStim, currentStim$, currentStimProtocol, type CurrentStimOptions } from './current-stim.js';
export { currentRamp, currentRamp$, currentRampProtocol, type CurrentRampOptions, type CurrentRampInfo } from './current-ramp.js';
export { increasingCurrent, increasingCurrent$, increasingCurrentProtocol, type IncreasingCurrentOptions, type IncreasingCurrentInfo } from './increasing-current.js';
export { SimulationEvents, type AddEventOptions, type SimulationEventsOptions } from './simulation-events.js';
