using System.Net;

namespace IssueTracker.Host.Tests.Authorization;

/// <summary>What every access matrix (issues, volunteers) checks of one endpoint × one role.</summary>
public static class AccessMatrix
{
    public static TheoryData<string, string> Cases(IEnumerable<string> endpoints, IReadOnlyList<string> roles)
    {
        var data = new TheoryData<string, string>();
        foreach (var endpoint in endpoints)
            foreach (var role in roles)
                data.Add(endpoint, role);
        return data;
    }

    /// <summary>The contract's status; a refused write leaves its stream as it was; a refusal is a problem document.</summary>
    public static async Task ShouldBeAllowedExactly(this Answer answer, HttpStatusCode expected, bool writes, Street street, Guid stream,
        int eventsBefore)
    {
        answer.ShouldHaveStatus(expected);
        if (writes && (int)expected is < 200 or >= 300)
            (await street.EventsOf(stream)).Count.ShouldBe(eventsBefore, "a refused command must append nothing");
        if (expected is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
            answer.Response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
    }
}
