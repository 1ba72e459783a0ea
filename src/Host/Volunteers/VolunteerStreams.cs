using IssueTracker.Domain.Volunteers;

namespace IssueTracker.Host.Volunteers;

/// <summary>The volunteer service's aggregates and Marten's names for them: the audit trail lists and verifies these streams.</summary>
public static class VolunteerStreams
{
    public static readonly Type[] Aggregates =
        [typeof(Volunteer), typeof(Reward), typeof(Wish), typeof(MicroTask), typeof(Venture), typeof(Resource), typeof(Need)];

    public static readonly string[] Kinds = ["volunteer", "reward", "wish", "micro_task", "venture", "resource", "need"];
}
