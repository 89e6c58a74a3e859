-- The debts whose journey has not started yet (a bulk load's rows until PendingJourneys starts
-- them): found and counted without reading every debt.
create index debt_waiting_start_idx on debt (registered_at, debt_id) where process_instance_key is null;
