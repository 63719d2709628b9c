// The pipeline's steps live in one folder (and namespace) each; these are the vocabulary all of them share.
global using Infisical.Build.Core.Credentials;
global using Infisical.Build.Core.Diagnostics;
global using Infisical.Build.Core.Fetching;
global using Infisical.Build.Core.Output;
global using Infisical.Build.Core.Rendering;
global using Infisical.Build.Core.Settings;
