/** Injection tokens binding the ports to the adapters chosen at boot (`buildApp`). */
export const EVENT_STORE = Symbol('EVENT_STORE');
export const LEGAL_CALENDAR = Symbol('LEGAL_CALENDAR');
export const RULE_SET = Symbol('RULE_SET');
export const API_CONFIG = Symbol('API_CONFIG');
export const READ_STORE = Symbol('READ_STORE');
