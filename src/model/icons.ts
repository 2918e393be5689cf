/**
 * Stencil icons as data: SVG path `d` strings in a 24x24 box, drawn with a stroke (no fill), so the canvas,
 * the palette and the pure SVG report renderer all draw the same shapes without an icon font or asset files.
 * Drawn for Rampart; kept deliberately simple so they stay legible at 16 px.
 */

/** One icon: path data in a 24x24 viewBox, to be stroked (`fill="none"`, round caps and joins). */
export interface IconDef {
  paths: string[];
}

/** A full circle as path data (two arcs), so every primitive stays a path. */
const circle = (cx: number, cy: number, r: number): string =>
  `M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0z`;

/** Icons keyed by stencil id. */
export const ICONS = {
  // Generic DFD: the three shapes analysts know.
  actor: { paths: [circle(12, 8, 4), 'M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7'] },
  process: { paths: [circle(12, 12, 9), 'M10 8l4 4-4 4'] },
  store: { paths: ['M3 7h18', 'M3 17h18', 'M7 7v10'] },

  // Trading and exchanges.
  exchange: { paths: ['M3 10l9-6 9 6', 'M5 10v8', 'M9.7 10v8', 'M14.3 10v8', 'M19 10v8', 'M3 20h18'] },
  apiGateway: {
    paths: ['M8 4C6 4 5 5 5 7v3l-2 2 2 2v3c0 2 1 3 3 3', 'M16 4c2 0 3 1 3 3v3l2 2-2 2v3c0 2-1 3-3 3', 'M9 12h6', 'M13 10l2 2-2 2'],
  },
  websocketServer: { paths: ['M4 3h16v6H4z', 'M7 6h.01', 'M12 9v6', 'M5 18h14', 'M8 15.5 5 18l3 2.5', 'M16 15.5l3 2.5-3 2.5'] },
  fixGateway: { paths: ['M2 7h20v10H2z', 'M8 7v10', 'M14 7v10', 'M4.5 12h1', 'M10.5 12h1', 'M16.5 12h3'] },
  matchingEngine: { paths: ['M3 7h6l3 5', 'M3 17h6l3-5', 'M12 12h9', 'M18 9l3 3-3 3'] },
  orderRouter: { paths: ['M3 12h6', 'M9 12l5-6h7', 'M9 12h12', 'M9 12l5 6h7', circle(3.5, 12, 1)] },
  riskEngine: { paths: ['M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6z', 'M12 8v5', 'M12 16v.5'] },
  tradingBot: {
    paths: ['M6 8h12v11H6z', 'M12 8V5', circle(12, 3.5, 1.3), 'M9.5 12v1.5', 'M14.5 12v1.5', 'M10 16.5h4', 'M4 12v3', 'M20 12v3'],
  },
  marketDataFeed: { paths: ['M3 3v18h18', 'M6 15l4-5 3 3 6-7', 'M16 6h3v3'] },
  liquidityProvider: { paths: ['M12 3c3 4 6 7.5 6 11a6 6 0 0 1-12 0c0-3.5 3-7 6-11z', 'M9.5 14.5a2.5 2.5 0 0 0 2.5 2.5'] },
  adminConsole: { paths: ['M3 4h18v12H3z', 'M8 20h8', 'M12 16v4', 'M6.5 7.5 9 10l-2.5 2.5', 'M11 12.5h5'] },

  // Wallets and custody.
  signingService: { paths: ['M15 4l5 5-10 10H5v-5z', 'M12.5 6.5l5 5', 'M3 22h18'] },
  hsm: {
    paths: [
      'M6 6h12v12H6z',
      'M9 3v3', 'M15 3v3', 'M9 18v3', 'M15 18v3', 'M3 9h3', 'M3 15h3', 'M18 9h3', 'M18 15h3',
      circle(12, 11, 1.5), 'M12 12.5v2.5',
    ],
  },
  wallet: { paths: ['M3 7h16a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2H3z', 'M3 7l12-3v3', 'M16 12h5v4h-5z'] },
  withdrawalService: { paths: ['M4 14v6h16v-6', 'M12 16V4', 'M8 8l4-4 4 4'] },
  secretStore: { paths: [circle(7, 15, 4), 'M10 12l9-9', 'M16 6l2 2', 'M13.5 8.5l2 2'] },

  // DeFi.
  dex: { paths: ['M4 12a8 8 0 0 1 14-5.3', 'M18 3v4h-4', 'M20 12a8 8 0 0 1-14 5.3', 'M6 21v-4h4'] },
  oracle: { paths: ['M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12z', circle(12, 12, 3)] },
  relayer: { paths: ['M3 12h6', 'M15 12h6', 'M18 9l3 3-3 3', circle(12, 12, 3)] },
  rpcNode: { paths: ['M12 3l8 4.5v9L12 21l-8-4.5v-9z', 'M4 7.5l8 4.5 8-4.5', 'M12 12v9'] },

  // Common.
  webClient: { paths: ['M3 5h18v14H3z', 'M3 9h18', 'M10 12l-2 2 2 2', 'M14 12l2 2-2 2'] },
  browser: {
    paths: [circle(12, 12, 9), 'M3 12h18', 'M12 3c2.5 2.5 3.5 5.5 3.5 9s-1 6.5-3.5 9', 'M12 3c-2.5 2.5-3.5 5.5-3.5 9s1 6.5 3.5 9'],
  },
  thirdPartyApp: { paths: ['M4 4h6v6H4z', 'M14 4h6v6h-6z', 'M4 14h6v6H4z', 'M14 17h6', 'M17 14v6'] },
  thirdPartyApi: { paths: ['M7 18h10a4 4 0 0 0 .5-8 6 6 0 0 0-11.5 1.5A3.3 3.3 0 0 0 7 18z', 'M10 21h4'] },
  database: {
    paths: ['M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3z', 'M4 6v12c0 1.7 3.6 3 8 3s8-1.3 8-3V6', 'M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3'],
  },
  queue: { paths: ['M2 8h4v8H2z', 'M8 8h4v8H8z', 'M14 8h4v8h-4z', 'M19 12h3', 'M20.5 10.5 22 12l-1.5 1.5'] },
  logStore: { paths: ['M6 3h9l4 4v14H6z', 'M15 3v4h4', 'M9 11h7', 'M9 14h7', 'M9 17h5'] },
} satisfies Record<string, IconDef>;

/** Icons for boundaries and notes, which are not stencils but appear in the palette. */
export const BOUNDARY_ICON: IconDef = { paths: ['M3 3h18v18H3z'] };
export const LINE_BOUNDARY_ICON: IconDef = { paths: ['M3 20C8 14 16 10 21 4'] };
export const NOTE_ICON: IconDef = { paths: ['M4 4h16v11l-5 5H4z', 'M15 20v-5h5', 'M8 9h8', 'M8 12h5'] };
