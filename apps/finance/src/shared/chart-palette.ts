/**
 * Okabe–Ito colours (safe for the common colour-vision deficiencies). A chart never relies on them alone: each series
 * also has its own name in the legend and tooltip, a dash pattern or marker, and a data table beside it.
 */
export const OKABE_ITO = {
  blue: '#0072B2',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  green: '#009E73',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  yellow: '#F0E442',
  black: '#000000',
} as const;
