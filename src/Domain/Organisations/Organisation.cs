using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Organisations;

/// <summary>The write model of a directory entry (责任单位): only what the rules read.</summary>
public sealed partial record Organisation(Guid Id, string Slug, OrganisationProfile Profile)
{
    public int Version { get; init; }

    public static Organisation Create(Guid id, OrganisationRegistered registered) => new(id, registered.Slug, registered.Profile);

    public static Organisation Evolve(Organisation state, object @event) => @event switch
    {
        OrganisationUpdated e => state with { Profile = e.Profile },
        _ => state
    };

    /// <summary>The fields of a register or update body, checked once for both.</summary>
    private static Validation Check(string? slug, string? name, OrganisationKind? kind, Contact? contact, Notify? notify)
    {
        var validation = new Validation()
            .Check(OrganisationIds.IsSlug(slug), "id", ErrorCodes.BadFormat,
                "'id' must be a slug: 2..63 of a-z, 0-9 and '-', starting with a letter or digit.",
                "「id」须为 2 到 63 个小写字母、数字或连字符，且以字母或数字开头。")
            .Required("name", name, Limits.Name)
            .Check(kind is { } k && Enum.IsDefined(k), "kind", ErrorCodes.UnknownValue,
                "'kind' is required: propertyCompany, department, police, volunteerTeam, ownersCommittee or other.",
                "「kind」必填：propertyCompany、department、police、volunteerTeam、ownersCommittee 或 other。");
        if (contact is not null)
            validation.Optional("contact.person", contact.Person, Limits.Name)
                .Optional("contact.phone", contact.Phone, Limits.Phone)
                .Optional("contact.email", contact.Email, Limits.Contact)
                .Check(string.IsNullOrEmpty(contact.Email) || contact.Email.Contains('@'), "contact.email", ErrorCodes.BadFormat,
                    "'contact.email' must be an e-mail address.", "「contact.email」须为电子邮件地址。");
        if (notify is not null)
            validation.Optional("notify.email", notify.Email, Limits.Contact)
                .Check(string.IsNullOrEmpty(notify.Email) || notify.Email.Contains('@'), "notify.email", ErrorCodes.BadFormat,
                    "'notify.email' must be an e-mail address.", "「notify.email」须为电子邮件地址。")
                .Optional("notify.webhookUrl", notify.WebhookUrl, Limits.PhotoUrl)
                .Check(string.IsNullOrEmpty(notify.WebhookUrl) || Notify.IsWebUrl(notify.WebhookUrl), "notify.webhookUrl", ErrorCodes.BadFormat,
                    "'notify.webhookUrl' must be an absolute http(s) URL.", "「notify.webhookUrl」须为 http(s) 绝对地址。")
                .Check(string.IsNullOrEmpty(notify.WebhookUrl) && string.IsNullOrEmpty(notify.WebhookSecret) || Notify.IsWebhookSecret(notify.WebhookSecret),
                    "notify.webhookSecret", ErrorCodes.BadFormat,
                    "'notify.webhookSecret' goes with a webhookUrl: 'whsec_' and the base64 of a 24..64-byte key (Standard Webhooks).",
                    "「notify.webhookSecret」须与 webhookUrl 同时提供：whsec_ 加 24 至 64 字节密钥的 base64（Standard Webhooks）。")
                .Optional("notify.wecomRobotUrl", notify.WecomRobotUrl, Limits.PhotoUrl)
                .Check(string.IsNullOrEmpty(notify.WecomRobotUrl) || Notify.IsWebUrl(notify.WecomRobotUrl), "notify.wecomRobotUrl", ErrorCodes.BadFormat,
                    "'notify.wecomRobotUrl' must be an absolute http(s) URL.", "「notify.wecomRobotUrl」须为 http(s) 绝对地址。");
        return validation;
    }

    private static OrganisationProfile NewProfile(string name, OrganisationKind kind, Contact? contact, bool? active, Notify? notify) =>
        new(name.Trim(), kind, contact ?? new Contact(null, null, null), active ?? true, notify);
}
