import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffEvent } from '../../domain';
import { useMunicipalities, useSchools } from '../../db';
import { useActor } from '../account';
import { writablePlaces, type EventPlace } from './staffEventForm';

/** The places the signed-in person records events for, and how any event's place is named on screen. */
export function usePlaces() {
  const { t } = useTranslation('staffDevelopment');
  const actor = useActor();
  const { data: schools } = useSchools();
  const { data: municipalities } = useMunicipalities();
  const places = useMemo(
    () => (actor ? writablePlaces(actor, schools, municipalities) : []),
    [actor, schools, municipalities],
  );
  const schoolNames = useMemo(() => new Map(schools.map((s) => [s.id, s.name])), [schools]);
  const municipalityNames = useMemo(() => new Map(municipalities.map((m) => [m.id, m.name])), [municipalities]);
  const placeLabel = (place: Pick<EventPlace, 'schoolId' | 'municipalityId'> | StaffEvent) =>
    place.schoolId
      ? // A school this device does not hold (a sibling school's event, read municipality-wide) has no name here.
        (schoolNames.get(place.schoolId) ?? t('otherSchool'))
      : t('municipalityWide', { name: municipalityNames.get(place.municipalityId) ?? place.municipalityId });
  return { actor, schools, places, placeLabel };
}
