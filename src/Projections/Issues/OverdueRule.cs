using System.Linq.Expressions;
using IssueTracker.Domain.Issues;

namespace IssueTracker.Projections.Issues;

/// <summary>What a read model keeps so that <see cref="OverdueRule"/> can tell whether its issue is overdue.</summary>
public interface IShowsOverdue
{
    /// <summary>Set by AcknowledgementOverdue / ResolutionOverdue; cleared by the step they waited for, a reassignment or the end.</summary>
    bool Overdue { get; }

    /// <summary><see cref="IssueStatuses.AwaitsResolution"/>, kept by the projection.</summary>
    bool AwaitingResolution { get; }

    DateTimeOffset? DueBy { get; }
}

/// <summary>
/// "Overdue" as every read model and endpoint shows it (IssueDetails, the issue list, the boards). The source of truth
/// is the event log: <see cref="AcknowledgementOverdue"/> / <see cref="ResolutionOverdue"/> set the stored flag, and the
/// step it waited for, a reassignment or the end of the issue clears it. At read time a due date that has passed on
/// unfinished work counts too, so a deadline whose timer has not fired (timers or the daemon behind, history written
/// without timers, a reopened issue past its due date) is not hidden; once the timer fires both say the same.
/// </summary>
public static class OverdueRule
{
    /// <summary>The rule, once: in memory (compiled) and in LINQ queries (<see cref="Where{T}"/>).</summary>
    private static readonly Expression<Func<IShowsOverdue, DateTimeOffset, bool>> Rule =
        (x, now) => x.Overdue || (x.AwaitingResolution && x.DueBy != null && x.DueBy < now);

    private static readonly Func<IShowsOverdue, DateTimeOffset, bool> Compiled = Rule.Compile();

    public static bool IsOverdue(IShowsOverdue view, DateTimeOffset now) => Compiled(view, now);

    /// <summary>The rule as a filter on a read model's query: the overdue ones, or (<paramref name="overdue"/> false) the others.</summary>
    public static Expression<Func<T, bool>> Where<T>(DateTimeOffset now, bool overdue = true) where T : IShowsOverdue
    {
        var view = Expression.Parameter(typeof(T), "x");
        var body = new OnView(Rule.Parameters[0], view, Rule.Parameters[1], now).Visit(Rule.Body);
        return Expression.Lambda<Func<T, bool>>(overdue ? body : Expression.Not(body), view);
    }

    /// <summary>
    /// The same rule over SQL columns (for grouped counts, which LINQ cannot express), given the column of each
    /// <see cref="IShowsOverdue"/> member; takes the current time as its one parameter.
    /// </summary>
    public static string Sql(Func<string, string> column) => $"({column(nameof(IShowsOverdue.Overdue))} or {PassedDue(column)})";

    /// <summary>
    /// What <see cref="Sql"/> adds to the stored flag: unflagged work past its due date. Counting the flag (kept by
    /// the board's counters) and then these rows is counting the rule; takes the current time as its one parameter.
    /// </summary>
    public static string SqlBeyondTheFlag(Func<string, string> column) => $"(not {column(nameof(IShowsOverdue.Overdue))} and {PassedDue(column)})";

    private static string PassedDue(Func<string, string> column) =>
        $"({column(nameof(IShowsOverdue.AwaitingResolution))} and {column(nameof(IShowsOverdue.DueBy))} < ?)";

    /// <summary>An acknowledgement ends the acknowledgement miss; the issue stays overdue only once its due date has passed.</summary>
    public static bool AfterAcknowledgement(DateTimeOffset? dueBy, DateTimeOffset acknowledgedAt) => dueBy < acknowledgedAt;

    /// <summary>Puts the read model's own properties where the rule names the interface's (Marten maps only those), and the time.</summary>
    private sealed class OnView(ParameterExpression from, ParameterExpression to, ParameterExpression nowParameter, DateTimeOffset now)
        : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node) =>
            node.Expression == from ? Expression.Property(to, node.Member.Name) : base.VisitMember(node);

        protected override Expression VisitParameter(ParameterExpression node) =>
            node == nowParameter ? Expression.Constant(now) : base.VisitParameter(node);
    }
}
