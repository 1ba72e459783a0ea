using IssueTracker.Host.Attachments;
using Microsoft.AspNetCore.Mvc;

namespace IssueTracker.Host.Audit;

public sealed record ValidChain(bool Valid, int Events);

public sealed record BrokenChain(bool Valid, long FirstInvalidVersion, string Reason);

public static class VerifyHistoryEndpoint
{
    [ApiOperation("Verify an issue's hash chain (tamper check)", "校验防篡改哈希链")]
    [WolverineGet("/api/issues/{issueId}/history/verify"), Authorize(Roles = Who.AuditorsOnly)]
    [ProducesResponseType<ValidChain>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(Guid issueId, IQuerySession session, IAttachmentStore attachments, CancellationToken ct)
    {
        if (await IssueStreams.ReadAsync(session, issueId, ct) is not { } stream) return Problems.NotFound("issue");

        var (report, photo) = await AttachmentVerification.CheckAsync(attachments, stream, ChainVerification.Verify(stream), ct);
        if (photo is not null) return TypedResults.Ok(new BrokenAttachmentChain(false, photo.Version, photo.Reason, photo.AttachmentId));
        return report.Valid
            ? TypedResults.Ok(new ValidChain(true, report.Events))
            : TypedResults.Ok(new BrokenChain(false, report.FirstInvalidVersion!.Value, report.Reason!));
    }
}
