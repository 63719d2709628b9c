using Infisical.Client.Kms;

namespace Infisical.Client.Tests.Kms;

/// <summary>KMS key management over HTTP against the local server.</summary>
public sealed class KmsKeyManagementTests
{
    [Fact]
    public async Task CreateGetByIdAndByNameAgree()
    {
        await using var h = await KmsSeed.StartAsync();
        using var client = await KmsSeed.LoginAsync(h);

        var created = await client.Kms.CreateKeyAsync(new CreateKmsKeyOptions
        {
            ProjectId = KmsSeed.ProjectId, Name = "Payments-Key", Description = "for payments",
            EncryptionAlgorithm = KmsEncryptionAlgorithm.Aes128Gcm,
        });
        var byId = await client.Kms.GetKeyByIdAsync(created.Id);
        var byName = await client.Kms.GetKeyByNameAsync("payments-key", KmsSeed.ProjectId);

        Assert.Equal("payments-key", created.Name);
        Assert.Equal("aes-128-gcm", created.EncryptionAlgorithm);
        Assert.Equal(KmsSeed.ProjectId, created.ProjectId);
        Assert.True(Guid.TryParse(created.Id, out _));
        Assert.Equal(created.Id, byId.Id);
        Assert.Equal(created.Id, byName.Id);
        Assert.Equal("for payments", byName.Description);
        Assert.NotNull(byId.CreatedAt);
        Assert.Equal("encrypt-decrypt", byId.KeyUsage);
    }

    [Fact]
    public async Task ListPagesSearchesAndOrders()
    {
        await using var h = await KmsSeed.StartAsync();
        using var client = await KmsSeed.LoginAsync(h);

        var firstPage = await client.Kms.ListKeysAsync(new ListKmsKeysOptions { ProjectId = KmsSeed.ProjectId, Limit = 2 });
        var secondPage = await client.Kms.ListKeysAsync(new ListKmsKeysOptions { ProjectId = KmsSeed.ProjectId, Limit = 2, Offset = 2 });
        var descending = await client.Kms.ListKeysAsync(new ListKmsKeysOptions { ProjectId = KmsSeed.ProjectId, OrderDirection = OrderDirection.Desc });
        var search = await client.Kms.ListKeysAsync(new ListKmsKeysOptions { ProjectId = KmsSeed.ProjectId, Search = "APP" });

        Assert.Equal(5, firstPage.TotalCount);
        Assert.Equal(new[] { "alpha", "beta-app" }, firstPage.Keys.Select(k => k.Name));
        Assert.Equal(new[] { "disabled-key", "gamma-app" }, secondPage.Keys.Select(k => k.Name));
        Assert.Equal(new[] { "known", "gamma-app", "disabled-key", "beta-app", "alpha" }, descending.Keys.Select(k => k.Name));
        Assert.Equal(2, search.TotalCount);
        Assert.Equal(new[] { "beta-app", "gamma-app" }, search.Keys.Select(k => k.Name));
        var query = h.Controls.Matching("/api/v1/kms/keys").Last().Query;
        Assert.Contains("orderBy=name", query);
        Assert.Contains("search=APP", query);
    }

    [Fact]
    public async Task UpdateRenamesDisablesAndReEnables()
    {
        await using var h = await KmsSeed.StartAsync();
        using var client = await KmsSeed.LoginAsync(h);
        var key = await client.Kms.CreateKeyAsync(new CreateKmsKeyOptions { ProjectId = KmsSeed.ProjectId, Name = "rotating" });

        var renamed = await client.Kms.UpdateKeyAsync(key.Id, new UpdateKmsKeyOptions { Name = "rotated", IsDisabled = true });
        var disabledError = await Assert.ThrowsAsync<InfisicalApiException>(() => client.Kms.EncryptAsync(key.Id, "aGVsbG8="));
        await client.Kms.UpdateKeyAsync(key.Id, new UpdateKmsKeyOptions { IsDisabled = false });
        var ciphertext = await client.Kms.EncryptAsync(key.Id, "aGVsbG8=");

        Assert.Equal("rotated", renamed.Name);
        Assert.True(renamed.IsDisabled);
        Assert.Equal(HttpStatusCode.BadRequest, disabledError.StatusCode);
        Assert.Equal("Key is disabled", Assert.Single(disabledError.Messages));
        Assert.Equal("aGVsbG8=", await client.Kms.DecryptAsync(key.Id, ciphertext));
    }

    [Fact]
    public async Task DeleteReturnsTheKeyAndThenItIsGone()
    {
        await using var h = await KmsSeed.StartAsync();
        using var client = await KmsSeed.LoginAsync(h);
        var key = await client.Kms.CreateKeyAsync(new CreateKmsKeyOptions { ProjectId = KmsSeed.ProjectId, Name = "short-lived" });

        var deleted = await client.Kms.DeleteKeyAsync(key.Id);
        var error = await Assert.ThrowsAsync<InfisicalApiException>(() => client.Kms.GetKeyByIdAsync(key.Id));

        Assert.Equal(key.Id, deleted.Id);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("Key not found", Assert.Single(error.Messages));
    }

    [Fact]
    public async Task ANonUuidKeyIdIsAValidationFailure()
    {
        await using var h = await KmsSeed.StartAsync();
        using var client = await KmsSeed.LoginAsync(h);

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() => client.Kms.GetKeyByIdAsync("not-a-uuid"));

        Assert.Equal((HttpStatusCode)422, error.StatusCode);
        Assert.Equal("ValidationFailure", error.Error);
    }

    [Fact]
    public async Task DuplicateNamesAreRefusedPerProject()
    {
        await using var h = await KmsSeed.StartAsync();
        using var client = await KmsSeed.LoginAsync(h);

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() =>
            client.Kms.CreateKeyAsync(new CreateKmsKeyOptions { ProjectId = KmsSeed.ProjectId, Name = "alpha" }));
        var elsewhere = await client.Kms.GetKeyByNameAsync("alpha", KmsSeed.OtherProjectId);

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal(KmsSeed.OtherProjectId, elsewhere.ProjectId);
    }

    [Fact]
    public async Task InvalidArgumentsFailBeforeAnyRequest()
    {
        await using var h = await KmsSeed.StartAsync();
        using var client = await KmsSeed.LoginAsync(h);
        var before = h.Controls.Count("/api/v1/kms");

        var badName = await Assert.ThrowsAsync<ArgumentException>(() =>
            client.Kms.CreateKeyAsync(new CreateKmsKeyOptions { ProjectId = KmsSeed.ProjectId, Name = "no spaces!" }));
        var badLimit = await Assert.ThrowsAsync<ArgumentException>(() =>
            client.Kms.ListKeysAsync(new ListKmsKeysOptions { ProjectId = KmsSeed.ProjectId, Limit = 101 }));
        var noProject = await Assert.ThrowsAsync<ArgumentException>(() => client.Kms.ListKeysAsync(new ListKmsKeysOptions()));

        Assert.Contains("1-32 characters", badName.Message);
        Assert.Contains("Limit", badLimit.Message);
        Assert.Contains("ProjectId", noProject.Message);
        Assert.Equal(before, h.Controls.Count("/api/v1/kms"));
    }

    [Fact]
    public async Task MismatchedUsageAndAlgorithmIs422()
    {
        await using var h = await KmsSeed.StartAsync();
        using var client = await KmsSeed.LoginAsync(h);

        var error = await Assert.ThrowsAsync<InfisicalApiException>(() => client.Kms.CreateKeyAsync(new CreateKmsKeyOptions
        {
            ProjectId = KmsSeed.ProjectId, Name = "mismatch", KeyUsage = KmsKeyUsage.SignVerify,
            EncryptionAlgorithm = KmsEncryptionAlgorithm.Aes256Gcm,
        }));

        Assert.Equal((HttpStatusCode)422, error.StatusCode);
    }
}
