// One item of the TODO plan (.smallcode/TODO.md), shared by the plan file, the agent and the UI.

export interface PlanItem {
  text: string;
  done: boolean;
}
