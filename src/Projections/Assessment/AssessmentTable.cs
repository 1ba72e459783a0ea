namespace IssueTracker.Projections.Assessment;

public enum AssessmentGrouping { Organisation, Category, Community }

/// <summary>The score's weights (out of 100 together) and penalty points, bound from "Assessment".</summary>
public sealed class AssessmentWeights
{
    public Weights Weights { get; init; } = new();
    public Penalties Penalties { get; init; } = new();
}

public sealed class Weights
{
    public double Acknowledge { get; init; } = 20;
    public double OnTime { get; init; } = 40;
    public double Satisfaction { get; init; } = 30;
    public double FollowUp { get; init; } = 10;
}

public sealed class Penalties
{
    public double Escalation { get; init; } = 2;
    public double RepeatComplaint { get; init; } = 2;
}

/// <summary>One line of the assessment: the counts, the rates (null with nothing to divide by), the score and the rank.</summary>
public sealed record AssessmentRow(
    string Key, int Assigned, int AcknowledgedInTime, int Resolved, int ResolvedOnTime, int Rated, int Satisfied,
    int Unsatisfied, int Reopened, int RepeatComplaints, int Overdue, int Escalated, int ExtensionsApproved,
    double? AcknowledgeRate, double? OnTimeRate, double? SatisfactionRate, double? FollowUpRate, double Score, int Rank);

public static class AssessmentTable
{
    /// <summary>Within this many days of its closing, a new issue marked duplicate of a closed one is a repeat complaint.</summary>
    public static readonly TimeSpan RepeatWindow = TimeSpan.FromDays(30);

    /// <summary>
    /// Counts the facts that fall in [<paramref name="from"/>, <paramref name="to"/>) by group, and ranks the groups by
    /// score: the weighted rates over the weights of the rates that exist (签收及时率, 按时办结率, 满意率, 回访率), less the
    /// penalties for each escalation and repeat complaint (an issue reopened, or a duplicate of one closed within 30
    /// days, held against the organisation that had it), never below 0.
    /// </summary>
    public static IReadOnlyList<AssessmentRow> Build(
        IReadOnlyCollection<AssessmentRecord> records, IReadOnlyDictionary<Guid, AssessmentRecord> originals,
        DateTimeOffset from, DateTimeOffset to, AssessmentGrouping groupBy, AssessmentWeights weights)
    {
        bool InPeriod(DateTimeOffset at) => at >= from && at < to;
        string KeyOf(AssessmentRecord record, string org) => groupBy switch
        {
            AssessmentGrouping.Organisation => org,
            AssessmentGrouping.Category => Domain.Issues.IssueStatuses.JsonName(record.Category.ToString()),
            _ => record.Community
        };

        var counted = records
            .SelectMany(r => r.Facts.Where(f => InPeriod(f.At)).Select(f => (Key: KeyOf(r, f.Org), f.Fact)))
            .ToList();
        var repeats = records
            .Where(r => r is { DuplicateOf: { } of, MarkedDuplicateAt: { } at } && InPeriod(at)
                        && originals.GetValueOrDefault(of) is { ClosedAt: { } closed, LastAssignee: not null } original
                        && at >= closed && at - closed <= RepeatWindow)
            .Select(r => originals[r.DuplicateOf!.Value])
            .Select(original => KeyOf(original, original.LastAssignee!))
            .ToList();

        var rows = counted.Select(c => c.Key).Concat(repeats).Distinct()
            .Select(key => Row(key, counted.Where(c => c.Key == key).Select(c => c.Fact).ToList(), repeats.Count(k => k == key), weights))
            .OrderByDescending(r => r.Score).ThenBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
        return [.. rows.Select(r => r with { Rank = 1 + rows.Count(other => other.Score > r.Score) })];
    }

    private static AssessmentRow Row(string key, List<AssessmentFact> facts, int duplicates, AssessmentWeights weights)
    {
        int Count(AssessmentFact fact) => facts.Count(f => f == fact);
        double? Exact(int part, int whole) => whole == 0 ? null : (double)part / whole;
        double? Rate(int part, int whole) => Exact(part, whole) is { } rate ? Math.Round(rate, 4) : null;

        var (assigned, resolved, rated) = (Count(AssessmentFact.Assigned), Count(AssessmentFact.Resolved), Count(AssessmentFact.Rated));
        var acknowledge = Rate(Count(AssessmentFact.AcknowledgedInTime), assigned);
        var onTime = Rate(Count(AssessmentFact.ResolvedOnTime), resolved);
        var satisfaction = Rate(Count(AssessmentFact.Satisfied), rated);
        var followUp = Rate(rated, resolved);
        var repeats = Count(AssessmentFact.Reopened) + duplicates;

        var w = weights.Weights;
        var parts = new[]
            {
                (w.Acknowledge, Exact(Count(AssessmentFact.AcknowledgedInTime), assigned)),
                (w.OnTime, Exact(Count(AssessmentFact.ResolvedOnTime), resolved)),
                (w.Satisfaction, Exact(Count(AssessmentFact.Satisfied), rated)), (w.FollowUp, Exact(rated, resolved))
            }
            .Where(p => p.Item2 is not null).ToList();
        var total = parts.Sum(p => p.Item1);
        var earned = total == 0 ? 100 : parts.Sum(p => p.Item1 * p.Item2!.Value) * 100 / total;
        var score = Math.Max(0, earned - weights.Penalties.Escalation * Count(AssessmentFact.Escalated)
                                       - weights.Penalties.RepeatComplaint * repeats);

        return new AssessmentRow(key, assigned, Count(AssessmentFact.AcknowledgedInTime), resolved, Count(AssessmentFact.ResolvedOnTime),
            rated, Count(AssessmentFact.Satisfied), Count(AssessmentFact.Unsatisfied), Count(AssessmentFact.Reopened), repeats,
            Count(AssessmentFact.Overdue), Count(AssessmentFact.Escalated), Count(AssessmentFact.ExtensionApproved),
            acknowledge, onTime, satisfaction, followUp, Math.Round(score, 2), 0);
    }
}
