using System.ComponentModel.DataAnnotations;
using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Organisations;

/// <param name="Active">Defaults to true.</param>
public sealed record RegisterOrganisation(
    [property: Required] string? Id, [property: Required] string? Name, [property: Required] OrganisationKind? Kind, Contact? Contact, bool? Active);

public sealed partial record Organisation
{
    /// <param name="exists">Whether the street's directory already has an entry with this slug.</param>
    public static Decision Register(RegisterOrganisation command, bool exists, Actor by, DateTimeOffset now)
    {
        if (exists)
            return new AlreadyExists($"The directory already has an organisation '{command.Id}'.");
        return Check(command.Id, command.Name, command.Kind, command.Contact).Then(() => Decision.Accept(
            new OrganisationRegistered(command.Id!, NewProfile(command.Name!, command.Kind!.Value, command.Contact, command.Active), by, now)));
    }
}
