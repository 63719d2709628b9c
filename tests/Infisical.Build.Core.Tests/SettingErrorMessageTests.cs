using System;
using System.IO;
using Xunit;

namespace Infisical.Build.Core.Tests;

/// <summary>
/// The settings errors (INFB007, INFB008, INFB009) by their messages: each names the setting or file to fix and
/// never repeats what a file or variable held.
/// </summary>
public sealed class SettingErrorMessageTests : IDisposable
{
    private readonly string _dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "infisical-setting-errors-" + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_relative_secret_path_is_INFB007_showing_the_form_to_use()
    {
        var error = Assert.Throws<InfisicalBuildException>(() => SourceSettings.NormalisePath("app/db"));

        Assert.Equal(InfisicalBuildErrors.InvalidSecretPath, error.Code);
        Assert.Contains("'app/db'", error.Message);
        Assert.Contains("'/app/db'", error.Message);
    }

    [Theory]
    [InlineData("{\"workspaceId\": \"p1\", \"token\": \"st.leaked-token-Vb6\"")]
    [InlineData("[\"st.leaked-token-Vb6\"]")]
    public void An_unreadable_project_file_is_INFB008_naming_the_file_and_the_property_not_its_content(string content)
    {
        var path = Path.Combine(_dir, ".infisical.json");
        File.WriteAllText(path, content);

        var error = Assert.Throws<InfisicalBuildException>(() => InfisicalProjectConfig.Load(path));

        Assert.Equal(InfisicalBuildErrors.InvalidProjectConfigFile, error.Code);
        Assert.Contains(path, error.Message);
        Assert.Contains("InfisicalProjectConfigFile", error.Message);
        Assert.DoesNotContain("leaked-token-Vb6", error.Message);
    }

    [Fact]
    public void An_environment_with_spaces_is_INFB009_naming_InfisicalEnv_without_echoing_it()
    {
        var settings = new SourceSettings { ProjectId = "p1", Environment = "dev Kp3 staging" };

        var error = Assert.Throws<InfisicalBuildException>(() => settings.Resolve(InfisicalProjectConfig.Load(null), _ => null, _dir));

        Assert.Equal(InfisicalBuildErrors.InvalidSetting, error.Code);
        Assert.Contains("InfisicalEnv", error.Message);
        Assert.DoesNotContain("Kp3", error.Message);
    }

    [Fact]
    public void A_bad_boolean_is_INFB009_naming_the_property_and_the_allowed_values()
    {
        var error = Assert.Throws<InfisicalBuildException>(() => RefreshPolicy.ParseBool("yes", "InfisicalRecursive"));

        Assert.Equal(InfisicalBuildErrors.InvalidSetting, error.Code);
        Assert.Contains("InfisicalRecursive", error.Message);
        Assert.Contains("'true' or 'false'", error.Message);
    }
}
