-- A task's completion finds its programme by the task's process instance (WorkflowTasks.complete), as the engine's
-- event audit does: a lookup on each completion that would read every programme of a province without it.
create unique index program_process_instance on program (process_instance_id);
