import { createClient } from "@supabase/supabase-js";

export const supabaseAdmin = createClient(
  "https://qwhxkzvbnmrtplsjdfga.supabase.co",
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InVtcXVjbnBrbmJreWJydnFnYmJ4Iiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTcyNjk1MDc3MiwiZXhwIjoyMDQyMzEwNzcyfQ.DUAoV3tVsVS9M7nj1U3ihd-T7dHJjlWKrnIM05oxy1o",
  { auth: { persistSession: false } },
);
