using System.ComponentModel.DataAnnotations;
using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Organisations;

/// <summary>Replaces the whole entry; <paramref name="Id"/> may be left out, and must match the path when given.</summary>
public sealed record UpdateOrganisation(
    string? Id, [property: Required] string? Name, [property: Required] OrganisationKind? Kind, Contact? Contact, bool? Active,
    Notify? Notify = null);

public sealed partial record Organisation
{
    public Decision Update(UpdateOrganisation command, Actor by, DateTimeOffset now)
    {
        var validation = Check(Slug, command.Name, command.Kind, command.Contact, command.Notify)
            .Check(command.Id is null || command.Id == Slug, "id", ErrorCodes.Mismatch,
                "'id' cannot change: leave it out or give the id in the path.", "「id」不可更改：省略或与路径中的编号一致。");
        return validation.Then(() => Decision.Accept(
            new OrganisationUpdated(Slug, NewProfile(command.Name!, command.Kind!.Value, command.Contact, command.Active, command.Notify), by, now)));
    }
}
