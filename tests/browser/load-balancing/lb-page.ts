/** The load-balancing guide and its widgets, by id (also their URL prefix), per the widget DOM contract. */
export const LB_PAGE = '/load-balancing/';
export const LB_WIDGETS = ['lb', 'bins', 'supermarket', 'hash'] as const;
