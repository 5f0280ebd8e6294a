export { failoverDefaults, failoverLimits } from './failover-options.ts';
export { priorityLoad, checkPriorityLoadOptions, type PriorityLevelHealth, type PriorityLoad, type PriorityLoadOptions } from './priority-load.ts';
export { PriorityFailover, type HostHealth, type PriorityFailoverOptions, type PriorityPick } from './priority-failover.ts';
export { ActivePassiveFailover, checkActivePassiveOptions, type ActivePassiveOptions, type SwitchEvent, type SwitchKind } from './active-passive.ts';
export { EndpointFailover, checkEndpointFailoverOptions, type EndpointFailoverOptions } from './endpoint-failover.ts';
export { AllEndpointsFailedError } from './failover-errors.ts';
export { EndpointFailoverPolicy, type EndpointFailoverEvent, type EndpointFailoverPolicyOptions } from './endpoint-failover-policy.ts';
export { ActivePassivePolicy, type ActivePassivePolicyOptions, type CheckEvent, type HealthChangeEvent } from './active-passive-policy.ts';
