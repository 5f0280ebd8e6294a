export {
  MINUTES_PER_YEAR,
  availabilityLimits,
  availabilityFromMtbf,
  downtimeMinutesPerYear,
  failoverAvailability,
  nPlusKAvailability,
  nines,
  parallelAvailability,
  serialAvailability,
} from './availability.ts';
