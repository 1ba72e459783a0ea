using System.ComponentModel.DataAnnotations;
using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Organisations;

/// <param name="Active">Defaults to true.</param>
/// <param name="Notify">How the organisation is notified (hosts and admins only).</param>
public sealed record RegisterOrganisation(
    [property: Required] string? Id, [property: Required] string? Name, [property: Required] OrganisationKind? Kind, Contact? Contact, bool? Active,
    Notify? Notify = null);

public sealed partial record Organisation
{
    /// <param name="exists">Whether the street's directory already has an entry with this slug.</param>
    public static Decision Register(RegisterOrganisation command, bool exists, Actor by, DateTimeOffset now)
    {
        if (exists)
            return new AlreadyExists($"The directory already has an organisation '{command.Id}'.");
        return Check(command.Id, command.Name, command.Kind, command.Contact, command.Notify).Then(() => Decision.Accept(
            new OrganisationRegistered(command.Id!, NewProfile(command.Name!, command.Kind!.Value, command.Contact, command.Active, command.Notify), by, now)));
    }
}
