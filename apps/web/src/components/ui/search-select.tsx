import { CloseButton, Combobox, InputBase, Loader, Text, useCombobox } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

export interface SearchSelectItem {
  value: string;
  label: string;
  description?: string;
}

interface SearchSelectProps {
  label: string;
  /** Items to offer for the current search (already filtered by the caller or the server). */
  items: readonly SearchSelectItem[];
  value: string | null;
  /** The label of the chosen value, when it is not among `items`. */
  valueLabel?: string | null;
  onChange: (value: string | null) => void;
  /** The text typed; the caller narrows `items` with it. */
  onSearchChange: (search: string) => void;
  loading?: boolean;
  error?: React.ReactNode;
  description?: React.ReactNode;
  placeholder?: string;
  required?: boolean;
  clearable?: boolean;
  name?: string;
  leftSection?: React.ReactNode;
  nothingFound?: string;
}

/**
 * A text box that searches and picks one item. Unlike Mantine's Select, its option list is not
 * labelled with the field's label, so the field alone answers to its label (for people and tests).
 */
export function SearchSelect({
  label,
  items,
  value,
  valueLabel,
  onChange,
  onSearchChange,
  loading,
  error,
  description,
  placeholder,
  required,
  clearable,
  name,
  leftSection,
  nothingFound,
}: SearchSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState<string | null>(null);
  const combobox = useCombobox({
    onDropdownClose: () => {
      combobox.resetSelectedOption();
    },
  });
  const chosenLabel = items.find((i) => i.value === value)?.label ?? valueLabel ?? "";
  const typed = (text: string | null) => {
    setSearch(text);
    onSearchChange(text ?? "");
  };

  return (
    <>
      {name && <input type="hidden" name={name} value={value ?? ""} />}
      <Combobox
        store={combobox}
        withinPortal
        onOptionSubmit={(next) => {
          onChange(next);
          typed(null);
          combobox.closeDropdown();
        }}
      >
        <Combobox.Target>
          <InputBase
            label={label}
            description={description}
            error={error}
            required={required}
            placeholder={placeholder}
            leftSection={leftSection}
            autoComplete="off"
            value={search ?? chosenLabel}
            onChange={(event) => {
              typed(event.currentTarget.value);
              combobox.openDropdown();
              combobox.updateSelectedOptionIndex();
            }}
            onClick={() => {
              combobox.openDropdown();
            }}
            onFocus={() => {
              combobox.openDropdown();
            }}
            onBlur={() => {
              combobox.closeDropdown();
              typed(null);
            }}
            rightSection={
              loading ? (
                <Loader size={16} />
              ) : clearable && value ? (
                <CloseButton
                  size="sm"
                  aria-label={t("common.actions.clear")}
                  onMouseDown={(event) => {
                    event.preventDefault();
                  }}
                  onClick={() => {
                    onChange(null);
                    typed(null);
                  }}
                />
              ) : (
                <Combobox.Chevron />
              )
            }
            rightSectionPointerEvents={clearable && value ? "all" : "none"}
          />
        </Combobox.Target>
        <Combobox.Dropdown>
          <Combobox.Options
            mah={300}
            style={{ overflowY: "auto" }}
            aria-label={t("common.results")}
          >
            {items.length === 0 ? (
              <Combobox.Empty>{nothingFound ?? t("common.empty")}</Combobox.Empty>
            ) : (
              items.map((item) => (
                <Combobox.Option value={item.value} key={item.value} active={item.value === value}>
                  <Text size="sm">{item.label}</Text>
                  {item.description && (
                    <Text size="xs" c="dimmed">
                      {item.description}
                    </Text>
                  )}
                </Combobox.Option>
              ))
            )}
          </Combobox.Options>
        </Combobox.Dropdown>
      </Combobox>
    </>
  );
}
