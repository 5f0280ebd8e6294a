/** The health-checks guide and its widget, by id (also its URL prefix), per the widget DOM contract. */
export const HEALTH_PAGE = '/health-checks/';
export const HEALTH_WIDGETS = ['health'] as const;
