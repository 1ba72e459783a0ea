using System.Data.Common;
using IssueTracker.Host.Infrastructure;
using IssueTracker.Projections.StatusBoard;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql.Functions;
using Weasel.Postgresql.Tables;
using Weasel.Postgresql.Triggers;

namespace IssueTracker.Host.Boards;

/// <summary>
/// The status board's figures, kept exact by PostgreSQL itself as StatusBoardRow rows are inserted, updated, deleted
/// and truncated (a rebuild), so a board read touches a row per group and status, not one per issue: per street,
/// grouping (community, grid, category) and key, the issues in each status and how many carry the stored overdue flag,
/// and a histogram of resolution times in tenths of a day (the unit the board rounds its median to).
/// Triggers rather than a projection: the counts follow the rows whichever way the rows change, rebuilds included.
/// A feature that depends on StatusBoardRow rather than <c>Storage.ExtendedSchemaObjects</c>: those are applied with
/// Marten's system functions, before the document tables exist on a new database, so the trigger had no table yet.
/// </summary>
internal sealed class BoardCounters(StoreOptions options) : FeatureSchemaBase("BoardCounters", options.Advanced.Migrator)
{
    public const string Counts = "issuetracker_board_counts";
    public const string Histogram = "issuetracker_board_resolution_tenths";

    /// <summary>A key column may not be null: an issue without a grid is counted under this key.</summary>
    public const string NoKey = "";

    public static readonly string[] Dimensions = ["community", "grid", "category"];

    /// <summary>The resolution time in days, in float8 exactly as the board's median has always taken it.</summary>
    public static string Days(string raisedAt, string resolvedAt) => $"(extract(epoch from {resolvedAt} - {raisedAt}) / 86400)::float8";

    /// <summary>Math.Round(days, 1) rounds days × 10 half to even, as PostgreSQL's round(float8) does: a bucket is one rounded value.</summary>
    public static string Tenths(string days) => $"round({days} * 10)::integer";

    /// <summary>While it is 'on' in a transaction, the row trigger leaves the counters alone: a rebuild recounts the street once.</summary>
    public const string RecountSetting = "issuetracker.board_recount";

    public override IEnumerable<Type> DependentTypes() => [typeof(StatusBoardRow)];

    /// <summary>Marten's name for StatusBoardRow's table (BoardSql.Rows reads it from the mapping at run time; a test compares).</summary>
    private static string RowsOf(string schema) => $"{schema}.mt_doc_statusboardrow";

    /// <summary>
    /// The counters of the rows <paramref name="where"/> selects, counted from the rows in two statements (counting row by
    /// row in one transaction would update each counter once per row, and each update walks the ones before it).
    /// </summary>
    public static string Recount(string schema, string where)
    {
        var rows = RowsOf(schema);
        var keys = $"lateral (values ('community', r.community), ('grid', coalesce(r.grid::text, '{NoKey}')), ('category', r.category)) as d (dimension, key)";
        return $"""
                insert into {schema}.{Counts} (tenant_id, dimension, key, status, issues, flagged)
                select r.tenant_id, d.dimension, d.key, r.status, count(*), count(*) filter (where r.overdue)
                from {rows} r, {keys}
                where {where} group by r.tenant_id, d.dimension, d.key, r.status;
                insert into {schema}.{Histogram} (tenant_id, dimension, key, tenths, resolved)
                select r.tenant_id, d.dimension, d.key, {Tenths(Days("r.raised_at", "r.resolved_at"))}, count(*)
                from {rows} r, {keys}
                where r.resolved_at is not null and {where} group by 1, 2, 3, 4;
            """;
    }

    protected override IEnumerable<ISchemaObject> schemaObjects()
    {
        var schema = options.DatabaseSchemaName;
        var rows = RowsOf(schema);
        var counts = new Table($"{schema}.{Counts}");
        counts.AddColumn<string>("tenant_id").AsPrimaryKey().NotNull();
        counts.AddColumn<string>("dimension").AsPrimaryKey().NotNull();
        counts.AddColumn<string>("key").AsPrimaryKey().NotNull();
        counts.AddColumn<string>("status").AsPrimaryKey().NotNull();
        counts.AddColumn<int>("issues").NotNull();
        counts.AddColumn<int>("flagged").NotNull();

        var histogram = new Table($"{schema}.{Histogram}");
        histogram.AddColumn<string>("tenant_id").AsPrimaryKey().NotNull();
        histogram.AddColumn<string>("dimension").AsPrimaryKey().NotNull();
        histogram.AddColumn<string>("key").AsPrimaryKey().NotNull();
        histogram.AddColumn<int>("tenths").AsPrimaryKey().NotNull();
        histogram.AddColumn<int>("resolved").NotNull();

        // Written as pg_get_functiondef prints them, so that Weasel finds no difference once they exist (and db-assert passes).
        var count = Function.ForSql($$"""
            CREATE OR REPLACE FUNCTION {{schema}}.issuetracker_board_count(row_tenant character varying, row_community character varying, row_grid integer, row_category character varying, row_status character varying, row_overdue boolean, row_raised timestamp with time zone, row_resolved timestamp with time zone, change integer)
             RETURNS void
             LANGUAGE plpgsql
            AS $function$
            begin
                insert into {{schema}}.{{Counts}} as c (tenant_id, dimension, key, status, issues, flagged)
                values (row_tenant, 'community', row_community, row_status, change, case when row_overdue then change else 0 end),
                       (row_tenant, 'grid', coalesce(row_grid::text, '{{NoKey}}'), row_status, change, case when row_overdue then change else 0 end),
                       (row_tenant, 'category', row_category, row_status, change, case when row_overdue then change else 0 end)
                on conflict (tenant_id, dimension, key, status)
                do update set issues = c.issues + excluded.issues, flagged = c.flagged + excluded.flagged;
                if row_resolved is not null then
                    insert into {{schema}}.{{Histogram}} as h (tenant_id, dimension, key, tenths, resolved)
                    select row_tenant, d.dimension, d.key, {{Tenths(Days("row_raised", "row_resolved"))}}, change
                    from (values ('community', row_community), ('grid', coalesce(row_grid::text, '{{NoKey}}')),
                                 ('category', row_category)) as d (dimension, key)
                    on conflict (tenant_id, dimension, key, tenths) do update set resolved = h.resolved + excluded.resolved;
                end if;
            end;
            $function$;
            """);
        // Weasel replaces a changed function with drop ... cascade, which drops the trigger too without creating it again:
        // a new body takes a new name, so that the trigger, now naming another function, is created again after it.
        var changed = Function.ForSql($$"""
            CREATE OR REPLACE FUNCTION {{schema}}.issuetracker_board_count_row()
             RETURNS trigger
             LANGUAGE plpgsql
            AS $function$
            begin
                if current_setting('{{RecountSetting}}', true) = 'on' then
                    return null;
                end if;
                if TG_OP = 'UPDATE' and (OLD.tenant_id, OLD.community, OLD.grid, OLD.category, OLD.status, OLD.overdue,
                        OLD.raised_at, OLD.resolved_at) is not distinct from (NEW.tenant_id, NEW.community, NEW.grid,
                        NEW.category, NEW.status, NEW.overdue, NEW.raised_at, NEW.resolved_at) then
                    return null;
                end if;
                if TG_OP <> 'INSERT' then
                    perform {{schema}}.issuetracker_board_count(OLD.tenant_id, OLD.community, OLD.grid, OLD.category,
                        OLD.status, OLD.overdue, OLD.raised_at, OLD.resolved_at, -1);
                end if;
                if TG_OP <> 'DELETE' then
                    perform {{schema}}.issuetracker_board_count(NEW.tenant_id, NEW.community, NEW.grid, NEW.category,
                        NEW.status, NEW.overdue, NEW.raised_at, NEW.resolved_at, 1);
                end if;
                return null;
            end;
            $function$;
            """);
        var truncated = Function.ForSql($$"""
            CREATE OR REPLACE FUNCTION {{schema}}.issuetracker_board_rows_truncated()
             RETURNS trigger
             LANGUAGE plpgsql
            AS $function$
            begin
                delete from {{schema}}.{{Counts}};
                delete from {{schema}}.{{Histogram}};
                return null;
            end;
            $function$;
            """);

        // One statement, so one transaction: the lock holds writers back while the rows already there are counted again.
        var recount = Function.ForSql($$"""
            CREATE OR REPLACE FUNCTION {{schema}}.issuetracker_board_recount()
             RETURNS void
             LANGUAGE plpgsql
            AS $function$
            begin
                lock table {{rows}} in share row exclusive mode;
                delete from {{schema}}.{{Counts}};
                delete from {{schema}}.{{Histogram}};
            {{Recount(schema, "true")}}
            end;
            $function$;
            """);
        var onRow = new CountingTrigger($"{schema}.issuetracker_board_row_counted", rows,
            $"{schema}.issuetracker_board_count_row()", schema)
        {
            Timing = TriggerTiming.After, Events = TriggerEvents.Insert | TriggerEvents.Update | TriggerEvents.Delete
        };
        var onTruncate = new Trigger($"{schema}.issuetracker_board_rows_reset", rows,
            $"{schema}.issuetracker_board_rows_truncated()")
        {
            Timing = TriggerTiming.After, Events = TriggerEvents.Truncate, ForEachRow = false
        };
        return [counts, histogram, count, changed, truncated, recount, onRow, onTruncate];
    }

    /// <summary>The expression that puts a resolved row in its histogram bucket, over StatusBoardRow's columns.</summary>
    public static string BucketOfRow => Tenths(Days("raised_at", "resolved_at"));

    /// <summary>Counts the rows already there when it is created (rows the daemon wrote before the first board read).</summary>
    private sealed class CountingTrigger(string name, string table, string function, string schema) : Trigger(name, table, function)
    {
        public override void WriteCreateStatement(Migrator migrator, TextWriter writer)
        {
            base.WriteCreateStatement(migrator, writer);
            writer.WriteLine($"select {schema}.issuetracker_board_recount();");
        }

        /// <summary>pg_get_triggerdef lists the events as INSERT OR DELETE OR UPDATE, Weasel's statement in another order.</summary>
        public override async Task<ISchemaObjectDelta> CreateDeltaAsync(DbDataReader reader, CancellationToken ct = default)
        {
            if (!await reader.ReadAsync(ct) || await reader.IsDBNullAsync(0, ct)) return new SchemaObjectDelta(this, SchemaPatchDifference.Create);
            var existing = (await reader.GetFieldValueAsync<string>(0, ct)).Replace("INSERT OR DELETE OR UPDATE", "INSERT OR UPDATE OR DELETE");
            return new SchemaObjectDelta(this, Matches(existing) ? SchemaPatchDifference.None : SchemaPatchDifference.Update);
        }
    }
}

/// <summary>A street's StatusBoardRow rows rebuilt in one transaction: the row trigger pauses, and the street is counted again once.</summary>
internal sealed class BoardCountersRebuild(IDocumentStore store) : IRebuildCompanion
{
    public Type DocumentType => typeof(StatusBoardRow);

    public string Before => $"set local {BoardCounters.RecountSetting} = 'on'";

    public string After
    {
        get
        {
            var schema = store.Options.DatabaseSchemaName;
            return $"""
                delete from {schema}.{BoardCounters.Counts} where tenant_id = @street;
                delete from {schema}.{BoardCounters.Histogram} where tenant_id = @street;
                {BoardCounters.Recount(schema, "r.tenant_id = @street")}
                """;
        }
    }
}
