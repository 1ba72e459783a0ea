using System.Text.Json;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using JasperFx.Core.Reflection;

namespace IssueTracker.Host.Reliability;

/// <summary>
/// Stores the answer to a keyed command in the same transaction as its events, so a crash can never leave the
/// events without the key (which would let a retry apply the command twice). Every endpoint that answers
/// an <see cref="IAcceptedAnswer"/> calls <see cref="Store"/> in its generated handler, after the endpoint has appended
/// its events and before the session commits. Insert, not upsert: of two concurrent requests with one key, the
/// second fails and appends nothing.
/// </summary>
public static class IdempotentAnswers
{
    public static void Store(IResult answer, HttpContext context, IDocumentSession session, TimeProvider clock)
    {
        if (Idempotency.PendingOf(context) is not { } pending || !session.PendingChanges.Streams().Any()) return;
        if ((answer as INestedHttpResult)?.Result is not IValueHttpResult { Value: IAcceptedAnswer body } accepted
            || accepted is not IStatusCodeHttpResult { StatusCode: { } status }) return;
        var location = accepted.GetType().GetProperty(nameof(Created.Location))?.GetValue(accepted) as string;
        Remember(pending, session, clock, status, body, location);
    }

    /// <summary>For an endpoint whose answer is not a <see cref="CommandAccepted"/> (a photo upload): called once it is accepted.</summary>
    public static void Remember(HttpContext context, IDocumentSession session, TimeProvider clock, int status, object body, string? location)
    {
        if (Idempotency.PendingOf(context) is { } pending) Remember(pending, session, clock, status, body, location);
    }

    private static void Remember(Idempotency.Pending pending, IDocumentSession session, TimeProvider clock, int status, object body,
        string? location) =>
        session.Insert(new IdempotencyRecord(pending.Id, pending.RequestHash, status,
            JsonSerializer.Serialize(body, JsonDefaults.Options), location, clock.GetUtcNow()));

    /// <summary>Puts the call to <see cref="Store"/> into every command endpoint's handler, ahead of the commit.</summary>
    internal sealed class Policy : IHttpPolicy
    {
        public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
        {
            foreach (var chain in chains)
            {
                if (chain.Method.Creates.FirstOrDefault() is not { } answer || !AnswersACommand(answer.VariableType)) continue;
                var store = new MethodCall(typeof(IdempotentAnswers), nameof(Store));
                store.Arguments[0] = answer;
                chain.Postprocessors.Insert(0, store);
            }
        }

        private static bool AnswersACommand(Type type) =>
            type.CanBeCastTo<IResult>() && type.IsGenericType
            && type.GetGenericArguments().Any(t => t.IsGenericType
                && (t.GetGenericTypeDefinition() == typeof(Ok<>) || t.GetGenericTypeDefinition() == typeof(Created<>))
                && t.GetGenericArguments()[0].CanBeCastTo<IAcceptedAnswer>());
    }
}
