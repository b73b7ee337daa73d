/**
 * The authorization matrix: who may call each mutating endpoint. Every route file's POST, PUT,
 * PATCH and DELETE is found by scanning app/api, so an endpoint added later without a row here
 * fails the test until someone decides who may call it. A route that does two things by body
 * has a second row, "METHOD route (what)": see matrixRows.
 *
 * This file is the entry its users import; the parts live in authorization-matrix/: the rows
 * by area in cases-*.ts (add a new endpoint's row to its area's file), what a row is in case.ts,
 * the callers and rooms in actors.ts, and what a refusal must leave unchanged in fingerprint.ts.
 */

export { ACTORS, makePeople, makeRoom, type ActorKey, type People, type Room } from './authorization-matrix/actors';
export { allowedActors, type Case } from './authorization-matrix/case';
export { CASES } from './authorization-matrix/cases';
export { matrixRows, mutatingEndpoints } from './authorization-matrix/endpoints';
export { fingerprint } from './authorization-matrix/fingerprint';
