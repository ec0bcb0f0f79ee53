import { useLocale } from './locale';

export function Tags({ tags }: { tags: string[] }) {
  const { t } = useLocale();
  // The report promises each tag once; the chips hold to it even if a page slips one through.
  const unique = [...new Set(tags.map((tag) => tag.trim()).filter((tag) => tag !== ''))];
  if (unique.length === 0) return null;
  return (
    <section class="panel tags" aria-labelledby="nl-tags-heading">
      <h2 id="nl-tags-heading" class="panel-title">
        {t('tagsHeading')}
      </h2>
      <ul class="chips">
        {unique.map((tag) => (
          <li class="chip" key={tag}>
            {tag}
          </li>
        ))}
      </ul>
    </section>
  );
}
