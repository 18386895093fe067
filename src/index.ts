// Placeholder until the action lands.
export {};
