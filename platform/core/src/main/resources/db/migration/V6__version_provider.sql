-- Versions name the provider that runs their model, next to the model: two providers may offer
-- the same model id (an OpenAI model through OpenRouter and through an OpenAI-compatible server).
-- NULL: no installed provider offered the model when the version was saved, and none was named;
-- the provider is then looked up in the catalogue when the version runs.
ALTER TABLE prompt_versions ADD COLUMN provider text;

-- Until this migration the distribution shipped exactly one model provider, OpenRouter: every
-- existing version was written for its catalogue and ran on it.
UPDATE prompt_versions SET provider = 'openrouter';
