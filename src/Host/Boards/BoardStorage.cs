using IssueTracker.Projections.AssigneeQueue;
using IssueTracker.Projections.StatusBoard;
using JasperFx.Events.Projections;
using Marten.Schema;

namespace IssueTracker.Host.Boards;

/// <summary>
/// The board read models: async projections, the columns the board groups by (the lists read only open work, so
/// their indexes are partial), and the change feed.
/// </summary>
public static class BoardStorage
{
    public static void AddBoards(this StoreOptions options, BoardChanges changes)
    {
        options.Projections.Add<StatusBoardProjection>(ProjectionLifecycle.Async);
        options.Projections.Add<AssigneeQueueProjection>(ProjectionLifecycle.Async);
        options.Projections.AsyncListeners.Add(new BoardChangeListener(changes));
        options.Storage.Add(new BoardCounters(options));

        // The board adds to its counters the street's unflagged work past its due date (BoardSql.OverdueBeyondTheFlag):
        // the rows whose deadline timer has not fired yet, a handful, where a street may have thousands of open issues.
        options.Schema.For<StatusBoardRow>()
            .Duplicate(x => x.DueBy!, configure: index =>
            {
                index.Mask = "tenant_id, ?";
                index.Predicate = "awaiting_resolution and not overdue";
            })
            .Duplicate(x => x.ResolvedAt!).Duplicate(x => x.LastActivity.At)
            .Duplicate(x => x.ResolutionTenths!, configure: index =>
            {
                index.Mask = "tenant_id, ?";
                index.Predicate = "resolution_tenths is not null";
            });
        // Columns the counters' triggers and the board's SQL read, without an index each: a board read goes through the
        // counters and the indexes above, and every index is one more write per row, in a rebuild 100,000 of them.
        options.Policies.ForAllDocuments(mapping =>
        {
            if (mapping.DocumentType != typeof(StatusBoardRow)) return;
            foreach (var column in new[] { nameof(StatusBoardRow.Community), nameof(StatusBoardRow.Grid), nameof(StatusBoardRow.Category),
                         nameof(StatusBoardRow.Status), nameof(StatusBoardRow.Overdue), nameof(StatusBoardRow.AwaitingResolution),
                         nameof(StatusBoardRow.Assignee), nameof(StatusBoardRow.RaisedAt) })
                mapping.DuplicateField(column);
        });
        options.Schema.For<AssigneeQueueItem>()
            .Duplicate(x => x.Assignee!, configure: index => index.Predicate = "open").Duplicate(x => x.Open);
    }
}

/// <summary>SQL over the duplicated columns above; the table's name is Marten's, the overdue rule <see cref="Projections.Issues.OverdueRule"/>'s.</summary>
internal static class BoardSql
{
    public static string Rows(IQuerySession session) =>
        ((DocumentMapping)session.DocumentStore.Options.FindOrResolveDocumentType(typeof(StatusBoardRow))).TableName.QualifiedName;

    /// <summary><see cref="Projections.Issues.OverdueRule"/> over the row's columns; takes the current time as its one parameter.</summary>
    public static readonly string IsOverdue = Projections.Issues.OverdueRule.Sql(Column);

    /// <summary><see cref="Projections.Issues.OverdueRule.SqlBeyondTheFlag"/>: what the board adds to its counters' overdue flags.</summary>
    public static readonly string OverdueBeyondTheFlag = Projections.Issues.OverdueRule.SqlBeyondTheFlag(Column);

    private static string Column(string member) => member switch
    {
        nameof(StatusBoardRow.Overdue) => "overdue",
        nameof(StatusBoardRow.AwaitingResolution) => "awaiting_resolution",
        _ => "due_by"
    };
}
