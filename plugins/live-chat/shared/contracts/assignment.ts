/** G7: the auto-assignment settings page (Settings > Live Chat > Auto-assignment). */

/** One agent's capacity: `maxOpenChats` null means the default applies. */
export interface AgentCapacity {
  id: number;
  name: string;
  maxOpenChats: number | null;
  /** The capacity in force (the agent's own, else the default). */
  capacity: number;
  /** Assigned, not closed chats they hold now. */
  openChats: number;
}

export interface AssignmentSettingsResponse {
  data: { defaultCapacity: number; limits: { min: number; max: number }; agents: AgentCapacity[] };
}

export interface AgentCapacityResponse {
  data: AgentCapacity;
}
