using IssueTracker.Domain.Issues;

namespace IssueTracker.Projections.StatusBoard;

/// <summary>
/// What one organisation did on one issue: its resolutions (on time when no ResolutionOverdue came since the
/// IssueAssigned they answer) and the residents' ratings of them (回访). A reopened issue resolved again counts again.
/// </summary>
public sealed record AssigneeTally(
    string Org, int Resolved = 0, int ResolvedOnTime = 0, int Satisfied = 0, int BasicallySatisfied = 0, int Unsatisfied = 0)
{
    public AssigneeTally Rated(Satisfaction satisfaction) => satisfaction switch
    {
        Satisfaction.Satisfied => this with { Satisfied = Satisfied + 1 },
        Satisfaction.BasicallySatisfied => this with { BasicallySatisfied = BasicallySatisfied + 1 },
        _ => this with { Unsatisfied = Unsatisfied + 1 }
    };

    public static IReadOnlyList<AssigneeTally> Add(IReadOnlyList<AssigneeTally> tallies, string? org, Func<AssigneeTally, AssigneeTally> change)
    {
        if (org is null) return tallies;
        var own = tallies.FirstOrDefault(t => t.Org == org) ?? new AssigneeTally(org);
        return [.. tallies.Where(t => t.Org != org), change(own)];
    }
}
