export {
  MINUTES_PER_YEAR,
  availabilityFromMtbf,
  downtimeMinutesPerYear,
  failoverAvailability,
  nPlusKAvailability,
  nines,
  parallelAvailability,
  serialAvailability,
} from './availability.ts';
